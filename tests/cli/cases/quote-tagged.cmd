lede-quote
