" DPL files are *.dpl.
autocmd BufRead,BufNewFile *.dpl setfiletype dpl
