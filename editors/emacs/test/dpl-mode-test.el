;;; dpl-mode-test.el --- dpl-mode and eglot against the real dpls  -*- lexical-binding: t; -*-

;; DPLS_CMD=bin/dpls emacs --batch -l editors/emacs/test/dpl-mode-test.el
;;
;; Not `emacs -Q': it skips site-lisp, where Debian's elpa-eglot lives on
;; Emacs 28. Prints one line per check and exits with 0 or 1.

;;; Code:

(require 'cl-lib)
(defvar dpl-test--dir (file-name-directory (or load-file-name buffer-file-name)))
(add-to-list 'load-path (expand-file-name ".." dpl-test--dir))
(require 'eglot)
(require 'dpl-mode)

(defvar dpl-test--passes 0)
(defvar dpl-test--failures 0)

(defun dpl-test--check (ok what)
  (if ok (cl-incf dpl-test--passes) (cl-incf dpl-test--failures))
  (princ (format "%s %s\n" (if ok "ok  " "FAIL") what))
  ok)

(defun dpl-test--wait (pred secs)
  "Let process output in until PRED holds or SECS pass; return PRED's value."
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun dpl-test--goto (line col)
  "Move to 0-based LINE and COL, as LSP counts them."
  (goto-char (point-min))
  (forward-line line)
  (forward-char col))

(defun dpl-test--face-at (line col)
  (dpl-test--goto line col)
  (get-text-property (point) 'face))

(condition-case err
    (let* ((dir (make-temp-file "dpl-eglot" t))
           (file (expand-file-name "broken.dpl" dir))
           (dpl-server-command (list (or (getenv "DPLS_CMD") "dpls")))
           (eglot-sync-connect t))
      (copy-file (expand-file-name "broken.dpl" dpl-test--dir) file)
      (find-file file)
      (dpl-test--check (eq major-mode 'dpl-mode) "dpl-mode for .dpl")

      ;; The mode's own highlighting and indentation, before the server.
      (font-lock-ensure)
      (dpl-test--check (eq (dpl-test--face-at 4 0) 'font-lock-keyword-face) "block kind highlighted as keyword")
      (dpl-test--check (eq (dpl-test--face-at 4 16) 'font-lock-type-face) "block name highlighted as type")
      (dpl-test--check (eq (dpl-test--face-at 5 2) 'font-lock-variable-name-face) "key highlighted as variable")
      (dpl-test--check (eq (dpl-test--face-at 5 11) 'font-lock-string-face) "string highlighted")
      (with-temp-buffer
        (dpl-mode)
        (insert "x A {\n// note\nb: [\n1\n]\n}\n")
        (indent-region (point-min) (point-max))
        (dpl-test--check (equal (buffer-string) "x A {\n  // note\n  b: [\n    1\n  ]\n}\n")
                         (format "indentation: %s" (replace-regexp-in-string "\n" "|" (buffer-string))))
        (goto-char (point-min))
        (forward-line 1)
        (dpl-test--check (nth 4 (syntax-ppss (+ (point) 4))) "// starts a comment")
        (insert "# hash\n")
        (dpl-test--check (nth 4 (syntax-ppss (- (point) 3))) "# starts a comment"))

      ;; As the README configures it: DPL001 becomes a warning. dpls asks
      ;; for its section with workspace/configuration.
      (setq-default eglot-workspace-configuration '(:dpls (:rules (:DPL001 "warning"))))
      (apply #'eglot (eglot--guess-contact))
      (let ((server (eglot-current-server)))
        (dpl-test--check server "eglot connected to dpls")
        (dpl-test--check (equal (plist-get (eglot--server-info server) :name) "dpls")
                         (format "serverInfo: %S" (eglot--server-info server)))

        (flymake-start)
        (dpl-test--check (dpl-test--wait (lambda ()
                                           (let ((d (car (flymake-diagnostics))))
                                             (and d (eq (flymake-diagnostic-type d) 'eglot-warning))))
                                         10)
                         "diagnostics via flymake, a warning as eglot-workspace-configuration says")
        (let ((diags (flymake-diagnostics)))
          (dpl-test--check (= (length diags) 1) (format "one diagnostic, got %d" (length diags)))
          (let ((d (car diags)))
            (dpl-test--check (and (= (flymake-diagnostic-beg d) 1) (= (flymake-diagnostic-end d) 16))
                             (format "diagnostic on fault_tolerence: %d-%d"
                                     (flymake-diagnostic-beg d) (flymake-diagnostic-end d)))
            (dpl-test--check (string-match-p "unknown block kind fault_tolerence; did you mean fault_tolerance\\?"
                                             (flymake-diagnostic-text d))
                             (format "message: %s" (flymake-diagnostic-text d)))))

        (dpl-test--goto 5 2)
        (let* ((r (jsonrpc-request server :textDocument/completion (eglot--TextDocumentPositionParams)))
               (items (if (vectorp r) r (plist-get r :items)))
               (labels (mapcar (lambda (i) (plist-get i :label)) items)))
          (dolist (want '("retry" "circuit_breaker" "bulkhead"))
            (dpl-test--check (member want labels) (format "completion offers %s" want))))

        (dpl-test--goto 5 3)
        (let* ((h (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
               (value (plist-get (plist-get h :contents) :value)))
          (dpl-test--check (string-prefix-p "**`timeout` · duration · per attempt**" value)
                           (format "hover: %s" (car (split-string (or value "") "\n")))))

        ;; What M-x eglot-code-actions does with the quickfix kind: one
        ;; action of that kind is applied without asking.
        (dpl-test--goto 0 3)
        (let ((actions (eglot-code-actions (point) (point) "quickfix")))
          (dpl-test--check (equal (mapcar (lambda (a) (plist-get a :title)) actions)
                                  '("Change to fault_tolerance"))
                           (format "quick fixes: %S" (mapcar (lambda (a) (plist-get a :title)) actions)))
          (eglot--read-execute-code-action actions server "quickfix"))
        (dpl-test--check (equal (buffer-substring (point-min) (line-end-position 1)) "fault_tolerance OrderService {")
                         "quick fix applied")
        ;; eglot sends changes from an idle timer, and batch Emacs is never
        ;; idle: send them as the timer would.
        (eglot--signal-textDocument/didChange)
        (dpl-test--check (dpl-test--wait (lambda () (null (flymake-diagnostics))) 10)
                         "diagnostics cleared after the fix")

        (eglot-shutdown server)
        (dpl-test--check (not (jsonrpc-running-p server)) "server shut down"))
      (set-buffer-modified-p nil)
      (delete-directory dir t))
  (error (cl-incf dpl-test--failures)
         (princ (format "ERROR %S\n" err))))

(princ (format "emacs eglot: %d passed, %d failed\n" dpl-test--passes dpl-test--failures))
(kill-emacs (if (zerop dpl-test--failures) 0 1))
;;; dpl-mode-test.el ends here
