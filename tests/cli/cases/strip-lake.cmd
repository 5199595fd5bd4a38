lede-strip
