/*
 * libFuzzer harness: the gzip reader on any bytes, in both modes, read in
 * chunks whose sizes come from the input itself, checking that the offsets
 * it reports stay inside the input and that reading ends.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "gzip.h"


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed		 f = { data, size, 0, 1 };
	struct lede_gzip	*gz;
	char			 buf[1024];
	ssize_t			 r;
	size_t			 errors = 0, want = 1;
	int			 mode;

	if (size > 0) {
		f.chunk = 1 + data[0] % 61;
		want = 1 + data[0] % sizeof(buf);
	}
	for (mode = 0; mode < 2; mode++) {
		f.pos = 0;
		gz = lede_gzip_new(feed_read, &f, mode == 0 ? LEDE_GZIP_FILE :
		    LEDE_GZIP_BODY);
		while ((r = lede_gzip_read(gz, buf, want)) != 0) {
			if (r < 0 && ++errors > size + 2)
				__builtin_trap();	/* errors without end */
			if (r > (ssize_t)want)
				__builtin_trap();
		}
		if (lede_gzip_in(gz) > size)
			__builtin_trap();
		if (lede_gzip_member_at(gz, lede_gzip_out(gz)) != LEDE_GZIP_NOPOS &&
		    lede_gzip_member_at(gz, lede_gzip_out(gz)) > size)
			__builtin_trap();
		(void)lede_gzip_message(gz);
		lede_gzip_free(gz);
	}
	return 0;
}
