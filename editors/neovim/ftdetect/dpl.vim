" DPL files are *.dpl. Vimscript rather than Lua so Neovim 0.7, which only
" sources ftdetect/*.vim before 0.8's filetype.lua, picks it up too.
autocmd BufRead,BufNewFile *.dpl setfiletype dpl
