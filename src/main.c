/* main.c — the oc3 command.
 *
 * `oc3 --check FILE|URL` runs here, in a process that loads no GTK: loading
 * the toolkit alone costs more than checking a large program. Everything
 * else is the application, oc3-app, which this process becomes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "oc3-check.h"

/* Returns the FILE|URL of --check, or NULL when oc3 is asked something else. */
static const char *
find_check_location (int       argc,
                     char    **argv,
                     gboolean *as_json)
{
  const char *location = NULL;

  *as_json = FALSE;
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      else if (g_str_equal (argv[i], "--json"))
        *as_json = TRUE;
      else if (g_str_equal (argv[i], "--check") && i + 1 < argc)
        location = argv[++i];
      else if (g_str_has_prefix (argv[i], "--check="))
        location = argv[i] + strlen ("--check=");
    }

  return location;
}

/* oc3-app sits next to oc3 in a build tree, and in libexec when installed. */
static char *
find_app (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = self != NULL ? g_path_get_dirname (self) : NULL;
  g_autofree char *beside = dir != NULL ? g_build_filename (dir, "oc3-app", NULL) : NULL;

  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&beside);

  return g_build_filename (LIBEXECDIR, "oc3-app", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *app = NULL;
  const char *location;
  gboolean as_json;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  location = find_check_location (argc, argv, &as_json);
  if (location != NULL)
    return oc3_check_main (location, as_json);

  app = find_app ();
  execv (app, argv);
  g_printerr ("oc3: %s: %s\n", app, g_strerror (errno));
  return 1;
}
