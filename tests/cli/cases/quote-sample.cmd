lede-quote quote-sample.in
