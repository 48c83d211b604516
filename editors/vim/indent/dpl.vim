" DPL indentation: one level per open { or [, the closing bracket back out.
if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal indentexpr=DplIndent(v:lnum)
setlocal indentkeys=0{,0},0],!^F,o,O
let b:undo_indent = 'setlocal indentexpr< indentkeys<'

if exists('*DplIndent')
  finish
endif

function! DplIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  let ind = indent(prev)
  " Brackets inside strings and comments do not count.
  let text = substitute(getline(prev), '"\%(\\.\|[^"\\]\)*"\|//.*$\|#.*$', '', 'g')
  let opened = len(substitute(text, '[^{[]', '', 'g')) - len(substitute(text, '[^]}]', '', 'g'))
  if opened > 0
    let ind += shiftwidth()
  endif
  if getline(a:lnum) =~# '^\s*[]}]'
    let ind -= shiftwidth()
  endif
  return max([ind, 0])
endfunction
