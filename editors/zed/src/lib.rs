//! Zed starts language servers from extensions: this one runs `strategy-lint-language-server
//! --stdio` (from the `strategy-lint` npm package) found on the PATH of the project's shell.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct StrategyLint;

impl zed::Extension for StrategyLint {
    fn new() -> Self {
        StrategyLint
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let command = worktree
            .which("strategy-lint-language-server")
            .ok_or_else(|| "strategy-lint-language-server is not on PATH: npm install -g strategy-lint".to_string())?;
        Ok(zed::Command { command, args: vec!["--stdio".into()], env: worktree.shell_env() })
    }
}

zed::register_extension!(StrategyLint);
