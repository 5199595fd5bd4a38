lede-tag
