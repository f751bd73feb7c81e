/* app-main.c — the application (oc3-app), started by the oc3 launcher.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "oc3-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (Oc3Application) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The app is "oc3" to the desktop, whichever binary runs it. */
  g_set_prgname ("oc3");

  app = oc3_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);

  return status != 0 ? status : oc3_application_get_exit_status (app);
}
