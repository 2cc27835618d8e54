;;; emacs-client.el --- drive a real, interactive Emacs for Strategy Lint's e2e test  -*- lexical-binding: t -*-
;;
;; Loaded by emacs.e2e.test.mjs as `emacs -nw -l emacs-client.el <memo>.md', in a pty (script),
;; with HOME pointing at a temporary folder whose ~/.emacs.d/init.el is the README's eglot
;; configuration, verbatim.  Emacs loads that init file, visits the memo (markdown-mode through
;; auto-mode-alist, so the README's hook runs `eglot-ensure'), and its command loop starts eglot.
;; This file only watches and acts as a user would: it waits (timers polling, no fixed sleeps) on
;; what flymake shows, asks eglot for the code actions at a flagged word, then types
;; `M-x eglot-code-actions RET RET' (take the default, preferred action), and writes what it saw
;; as JSON to the plan's `out' file.  It never starts or configures eglot itself.
;;
;; The plan (JSON file named by $SL_PLAN): { "file": ..., "out": ..., "timeoutMs": ...,
;;   "action": { "line": 15, "col": 1, "word": "leverage" } }

(require 'cl-lib)
(require 'json)
(require 'subr-x)

(defvar sl-plan (let ((json-object-type 'alist) (json-array-type 'list) (json-key-type 'symbol))
                  (json-read-file (getenv "SL_PLAN"))))
(defun sl-plan (&rest keys)
  (let ((v sl-plan)) (dolist (k keys v) (setq v (alist-get k v)))))

(defvar sl-log nil "What happened, newest first.")
(defvar sl-steps nil "alist: step name -> data.")
(defvar sl-step "start" "The step being waited on (for a timeout message).")
(defvar sl-started (float-time))

(defun sl-log (fmt &rest args)
  (push (format "%6.2fs %s" (- (float-time) sl-started) (apply #'format fmt args)) sl-log))

(defun sl-step-result (name data) (push (cons name data) sl-steps))

(defun sl-events-tail ()
  "The end of eglot's events buffer (the JSON-RPC traffic), for failure messages."
  (when-let ((buf (cl-find-if (lambda (b) (string-match-p "\\*EGLOT.*events\\*" (buffer-name b))) (buffer-list))))
    (with-current-buffer buf
      (buffer-substring-no-properties (max (point-min) (- (point-max) 4000)) (point-max)))))

(defun sl-messages-tail ()
  "The end of *Messages* (where eglot says why it could not start a server)."
  (with-current-buffer (messages-buffer)
    (buffer-substring-no-properties (max (point-min) (- (point-max) 2000)) (point-max))))

(defun sl-finish (ok &optional error)
  (let ((result `((ok . ,(if ok t :json-false))
                  (error . ,error)
                  (steps . ,(reverse sl-steps))
                  (log . ,(reverse sl-log))
                  (messages . ,(unless ok (sl-messages-tail)))
                  (events . ,(unless ok (sl-events-tail))))))
    (with-temp-file (sl-plan 'out)
      (insert (json-encode result))))
  (kill-emacs (if ok 0 1)))

(defun sl-wait (what pred then)
  "Poll PRED every 0.1s; when it returns non-nil call THEN with its value."
  (setq sl-step what)
  (sl-log "waiting: %s" what)
  (let (timer)
    (setq timer
          (run-with-timer
           0.1 0.1
           (lambda ()
             (condition-case err
                 (when-let ((v (funcall pred)))
                   (cancel-timer timer)
                   (sl-log "done: %s" what)
                   (funcall then v))
               (error (cancel-timer timer)
                      (sl-finish nil (format "%s: %S" what err)))))))))

(defun sl-buffer () (find-buffer-visiting (sl-plan 'file)))

(defun sl-diagnostics ()
  "Flymake's diagnostics of the memo, as a user sees them: line, column, type, text."
  (with-current-buffer (sl-buffer)
    (save-excursion
      (mapcar (lambda (d)
                (goto-char (flymake-diagnostic-beg d))
                `((line . ,(line-number-at-pos))
                  (col . ,(1+ (current-column)))
                  (type . ,(symbol-name (flymake-diagnostic-type d)))
                  (text . ,(flymake-diagnostic-text d))))
              (sort (flymake-diagnostics) (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))))

(defun sl-library-version (lib)
  (require 'lisp-mnt)
  (when-let ((file (locate-library (concat lib ".el"))))
    `((file . ,file) (version . ,(ignore-errors (lm-version file))))))

(defun sl-start ()
  (let ((buf (sl-buffer)))
    (unless buf (sl-finish nil (format "Emacs did not visit %s" (sl-plan 'file))))
    (sl-step-result 'versions `((emacs . ,emacs-version)
                                (eglot . ,(sl-library-version "eglot"))
                                (markdownMode . ,(sl-library-version "markdown-mode"))))
    (sl-step-result 'buffer `((majorMode . ,(symbol-name (buffer-local-value 'major-mode buf)))
                              (initFile . ,user-init-file)))
    (sl-wait "eglot manages the memo (started by the README's eglot-ensure hook)"
             (lambda () (and (buffer-local-value 'eglot--managed-mode buf)
                             (with-current-buffer buf (eglot-current-server))))
             #'sl-connected)))

(defun sl-connected (server)
  (sl-step-result 'server `((command . ,(ignore-errors (process-command (jsonrpc--process server))))
                            (name . ,(ignore-errors (plist-get (eglot--server-info server) :name)))
                            (flymake . ,(with-current-buffer (sl-buffer) (and flymake-mode t)))))
  (sl-wait "flymake shows Strategy Lint's diagnostics"
           (lambda () (sl-diagnostics))
           (lambda (diags)
             (sl-step-result 'diagnostics diags)
             (sl-code-actions))))

(defun sl-goto-word ()
  (with-current-buffer (sl-buffer)
    (goto-char (point-min))
    (forward-line (1- (sl-plan 'action 'line)))
    (forward-char (1- (sl-plan 'action 'col)))
    (point)))

(defun sl-code-actions ()
  (with-current-buffer (sl-buffer)
    (let* ((pos (sl-goto-word))
           (actions (eglot-code-actions pos)))
      (sl-step-result 'codeActions
                      `((at . ,(buffer-substring-no-properties pos (min (point-max) (+ pos (length (sl-plan 'action 'word))))))
                        (actions . ,(mapcar (lambda (a) `((title . ,(plist-get a :title))
                                                          (kind . ,(plist-get a :kind))
                                                          (preferred . ,(if (eq (plist-get a :isPreferred) t) t :json-false))))
                                            actions))))
      ;; As a user: point on the word, M-x eglot-code-actions, RET takes the default (preferred) action.
      (select-window (or (get-buffer-window (current-buffer)) (selected-window)))
      (switch-to-buffer (current-buffer))
      (goto-char pos)
      (setq unread-command-events (listify-key-sequence (kbd "M-x eglot-code-actions RET RET")))
      (let ((line-before (sl-line)))
        (sl-wait "the quick fix typed through M-x eglot-code-actions RET RET changes the line"
                 (lambda () (and (not (equal (sl-line) line-before)) (sl-line)))
                 (lambda (line)
                   (sl-wait "flymake drops the fixed diagnostic"
                            (lambda () (let ((ds (sl-diagnostics)))
                                         (and (not (cl-find-if (lambda (d) (and (= (alist-get 'line d) (sl-plan 'action 'line))
                                                                                 (string-match-p "bad-strategy/fluff" (alist-get 'text d))))
                                                               ds))
                                              (or ds 'none))))
                            (lambda (ds)
                              (sl-step-result 'applied `((line . ,line)
                                                         (modified . ,(buffer-modified-p (sl-buffer)))
                                                         (diagnostics . ,(if (eq ds 'none) [] ds))))
                              (sl-shutdown)))))))))

(defun sl-line ()
  (with-current-buffer (sl-buffer)
    (save-excursion
      (goto-char (point-min))
      (forward-line (1- (sl-plan 'action 'line)))
      (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))

(defun sl-shutdown ()
  (let ((server (with-current-buffer (sl-buffer) (eglot-current-server))))
    (condition-case err
        (progn (eglot-shutdown server nil 10) (sl-log "eglot-shutdown: server %s" (if (jsonrpc-running-p server) "still running" "exited")))
      (error (sl-log "eglot-shutdown: %S" err))))
  (sl-finish t))

(run-with-timer (/ (or (sl-plan 'timeoutMs) 60000) 1000.0) nil
                (lambda () (sl-finish nil (format "timed out waiting: %s" sl-step))))
;; Files named on the command line are visited after this file is loaded; start once they are.
(add-hook 'emacs-startup-hook (lambda () (run-with-timer 0 nil #'sl-start)))

;;; emacs-client.el ends here
