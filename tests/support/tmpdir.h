/* tmpdir.h - temporary directories for tests that need files. */
#ifndef HW_TEST_TMPDIR_H
#define HW_TEST_TMPDIR_H

#include <stddef.h>

/* Creates a fresh directory /tmp/hw_test_XXXXXX into buf; 0 or -1. */
int hw_test_mkdtemp(char *buf, size_t size);
/* Removes the files in dir, then dir itself (one level: tests make no subfolders). */
void hw_test_rmdir(const char *dir);

#endif
