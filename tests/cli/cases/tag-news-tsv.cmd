lede-tag -f tsv -t PER,ORG <tag-news.in
