lede-split -s
