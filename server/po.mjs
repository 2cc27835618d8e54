import {unified} from 'unified'; import remarkParse from 'remark-parse'; import remarkGfm from 'remark-gfm';
const table = '| a | b |\n|---|---|\n' + Array.from({length:5000},(_, i)=>`| r${i} | leverage |`).join('\n');
const p = unified().use(remarkParse).use(remarkGfm);
for (let i=0;i<3;i++){const t0=performance.now(); p.parse(table); console.log('parse', (performance.now()-t0).toFixed(0));}
const nested = Array.from({length: 10000}, (_, i) => ' '.repeat(i*2) + '- item').join('\n');
try { const t0=performance.now(); const r = p.parse(nested); console.log('nested parse', (performance.now()-t0).toFixed(0)); } catch(e) { console.log('nested threw', e.message) }
try { const t0=performance.now(); p.parse('>'.repeat(10000)+' deep'); console.log('quotes parse', (performance.now()-t0).toFixed(0)); } catch(e) { console.log('quotes threw', e.message) }
