/*
 * replay FILE|DIR...: runs a fuzz harness on saved inputs without
 * libFuzzer, so that any compiler builds it and make check replays every
 * seed and every fixed finding of tests/fuzz under ASan and UBSan: a
 * finding that comes back crashes here.  Linked with one harness.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

static size_t	ninputs;

/* Runs the harness on the whole of one file. */
static void
replay_file(const char *path)
{
	FILE	*fp;
	uint8_t	*buf = NULL, *exact;
	size_t	 n = 0, cap = 0, k;

	if ((fp = fopen(path, "rb")) == NULL)
		err(2, "%s", path);
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			if ((buf = realloc(buf, cap)) == NULL)
				err(2, NULL);
		}
		k = fread(buf + n, 1, cap - n, fp);
		n += k;
	} while (k > 0);
	if (ferror(fp))
		err(2, "%s", path);
	fclose(fp);
	/* A copy of exactly n bytes, so that ASan sees a read past the end. */
	if ((exact = malloc(n > 0 ? n : 1)) == NULL)
		err(2, NULL);
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	ninputs++;
}

static int
byname(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
replay(const char *path)
{
	struct stat	 sb;
	struct dirent	*de;
	DIR		*d;
	char		**names = NULL, full[4096];
	size_t		 n = 0, cap = 0, i;

	if (stat(path, &sb) == -1)
		err(2, "%s", path);
	if (!S_ISDIR(sb.st_mode)) {
		replay_file(path);
		return;
	}
	if ((d = opendir(path)) == NULL)
		err(2, "%s", path);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			if ((names = realloc(names, cap * sizeof(*names))) == NULL)
				err(2, NULL);
		}
		if ((names[n++] = strdup(de->d_name)) == NULL)
			err(2, NULL);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), byname);
	for (i = 0; i < n; i++) {
		if ((size_t)snprintf(full, sizeof(full), "%s/%s", path,
		    names[i]) >= sizeof(full))
			errx(2, "%s/%s: name too long", path, names[i]);
		if (stat(full, &sb) == 0 && S_ISREG(sb.st_mode))
			replay_file(full);
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char *argv[])
{
	int	i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s file|dir ...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++)
		replay(argv[i]);
	printf("%s: %zu inputs\n", argv[0], ninputs);
	return 0;
}
