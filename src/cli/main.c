/* main.c - the homeward binary. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
    return hw_cli_main(argc - 1, argv + 1);
}
