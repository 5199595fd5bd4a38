lede-quote --json
