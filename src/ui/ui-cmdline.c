/*
 * The command line: `:` opens a prompt on the bottom row (the prompts'
 * editor, with a history and Tab completing names), whose line runs
 * through ui-cmd.c; the commands only it has are here.
 */
#include "config.h"

#include "ui/ui-int.h"

int
ui_cmdline_run(struct ui *ui, char **argv, int argc)
{
	return (1);
}
