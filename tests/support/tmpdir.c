/* tmpdir.c - temporary directories for tests. */
#include "support/tmpdir.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int hw_test_mkdtemp(char *buf, size_t size)
{
    if (snprintf(buf, size, "/tmp/hw_test_XXXXXX") >= (int)size)
        return -1;
    return mkdtemp(buf) ? 0 : -1;
}

void hw_test_rmdir(const char *dir)
{
    DIR *d = opendir(dir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            char p[512];
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
            unlink(p);
        }
        closedir(d);
    }
    rmdir(dir);
}
