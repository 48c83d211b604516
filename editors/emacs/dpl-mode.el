;;; dpl-mode.el --- DPL major mode, with the dpls language server through eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages
;; URL: https://github.com/dpls-dev/dpls

;;; Commentary:

;; Editing support for DPL, the distributed pattern language (.dpl files):
;; comments (`//', `#' and `/* */'), highlighting of block kinds, block
;; names, keys and literals, indentation by bracket depth, and the dpls
;; language server through eglot (diagnostics via flymake, completion, hover
;; via eldoc, code actions, formatting, rename, ...).
;;
;;   (add-to-list 'load-path "/path/to/dpls/editors/emacs")
;;   (require 'dpl-mode)
;;   (add-hook 'dpl-mode-hook #'eglot-ensure)
;;
;; Emacs 29 includes eglot; on Emacs 28 install it (Debian: elpa-eglot).

;;; Code:

(defgroup dpl nil
  "DPL, the distributed pattern language."
  :group 'languages
  :prefix "dpl-")

(defcustom dpl-indent-offset 2
  "Spaces per nesting level; `dpls fmt' indents by 2."
  :type 'integer
  :safe #'integerp)

(defcustom dpl-server-command '("dpls")
  "The dpls command and its arguments; dpls speaks LSP on stdio by default."
  :type '(repeat string))

(defvar dpl-mode-syntax-table
  (let ((st (make-syntax-table)))
    ;; `//' and `/* */' as in C++ mode, plus `#' line comments (style b,
    ;; ended by a newline like `//').
    (modify-syntax-entry ?/ ". 124b" st)
    (modify-syntax-entry ?* ". 23" st)
    (modify-syntax-entry ?# "< b" st)
    (modify-syntax-entry ?\n "> b" st)
    ;; Identifiers such as order-service and max_attempts are one symbol.
    (modify-syntax-entry ?_ "_" st)
    (modify-syntax-entry ?- "_" st)
    st)
  "Syntax table for `dpl-mode'.")

(defconst dpl--identifier "[A-Za-z_][A-Za-z0-9_-]*")

(defvar dpl-font-lock-keywords
  `(;; A block header: KIND NAME {
    (,(concat "^[ \t]*\\(" dpl--identifier "\\)[ \t]+\\(" dpl--identifier "\\)[ \t]*{")
     (1 font-lock-keyword-face)
     (2 font-lock-type-face))
    ;; A key: `name:'
    (,(concat "\\(" dpl--identifier "\\)[ \t]*:") 1 font-lock-variable-name-face)
    ("\\_<\\(true\\|false\\)\\_>" 1 font-lock-constant-face)
    ("\\_<-?[0-9]+\\(?:\\.[0-9]+\\)?\\_>" . font-lock-constant-face))
  "Highlighting for `dpl-mode'; strings and comments come from the syntax table.")

(defun dpl-indent-line ()
  "Indent the current line by its bracket depth.
A line that starts with a closing bracket goes out one level."
  (interactive)
  (let* ((depth (save-excursion (car (syntax-ppss (line-beginning-position)))))
         (closing (save-excursion
                    (back-to-indentation)
                    (looking-at-p "[]}]")))
         (column (* dpl-indent-offset (max 0 (- depth (if closing 1 0))))))
    (if (<= (current-column) (current-indentation))
        (indent-line-to column)
      (save-excursion (indent-line-to column)))))

;;;###autoload
(define-derived-mode dpl-mode prog-mode "DPL"
  "Major mode for DPL files."
  :syntax-table dpl-mode-syntax-table
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "\\(?://+\\|#+\\|/\\*+\\)[ \t]*")
  (setq-local indent-line-function #'dpl-indent-line)
  (setq-local indent-tabs-mode nil)
  (setq-local font-lock-defaults '(dpl-font-lock-keywords)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.dpl\\'" . dpl-mode))

;; eglot reads the contact when it starts a server, so a change to
;; `dpl-server-command' applies to the next start.
(defvar eglot-server-programs)
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `(dpl-mode . ,(lambda (&optional _interactive) dpl-server-command))))

(provide 'dpl-mode)
;;; dpl-mode.el ends here
