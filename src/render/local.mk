# render module: fill in when it has sources.
