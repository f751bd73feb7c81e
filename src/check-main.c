/* check-main.c — oc3-check: `oc3 --check FILE|URL [--json]`, reading a
 * program and reporting on it without loading GTK (the oc3 launcher starts
 * it for --check).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

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

int
main (int   argc,
      char *argv[])
{
  const char *location;
  gboolean as_json;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("oc3");

  location = find_check_location (argc, argv, &as_json);
  if (location == NULL)
    {
      g_printerr (_("Usage: oc3 --check FILE|URL [--json]\n"));
      return 2;
    }

  return oc3_check_main (location, as_json);
}
