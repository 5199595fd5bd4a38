/* The unit test suites, one per common/ module. */
#ifndef SUITES_H
#define SUITES_H

#include <check.h>

Suite	*utf8_suite(void);
Suite	*stream_suite(void);
Suite	*para_suite(void);
Suite	*out_suite(void);
Suite	*format_suite(void);
Suite	*lex_suite(void);
Suite	*tok_suite(void);
Suite	*sent_suite(void);
Suite	*layout_suite(void);
Suite	*quote_suite(void);
Suite	*ner_suite(void);
Suite	*strip_suite(void);
Suite	*gzip_suite(void);
Suite	*warc_suite(void);
Suite	*html_suite(void);

#endif
