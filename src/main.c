/* main.c — the oc3 command: a launcher that loads nothing.
 *
 * `oc3 --check FILE|URL` becomes oc3-check, which reads programs without
 * GTK; everything else becomes the application, oc3-app. This process links
 * only the C library: it runs at every start of the app, and loading GLib,
 * libsoup and their dependencies here cost about as much as a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <libgen.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define _(text) dgettext (GETTEXT_PACKAGE, text)

static int
wants_check (int    argc,
             char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        return 0;
      if (strcmp (argv[i], "--check") == 0 || strncmp (argv[i], "--check=", strlen ("--check=")) == 0)
        return 1;
    }

  return 0;
}

/* The helpers sit next to oc3 in a build tree, and in libexec when installed. */
static void
find_helper (const char *name,
             char       *path,
             size_t      size)
{
  char self[PATH_MAX];
  ssize_t length = readlink ("/proc/self/exe", self, sizeof self - 1);

  if (length > 0)
    {
      self[length] = '\0';
      snprintf (path, size, "%s/%s", dirname (self), name);
      if (access (path, X_OK) == 0)
        return;
    }

  snprintf (path, size, "%s/%s", LIBEXECDIR, name);
}

int
main (int   argc,
      char *argv[])
{
  char helper[PATH_MAX];

  find_helper (wants_check (argc, argv) ? "oc3-check" : "oc3-app", helper, sizeof helper);
  execv (helper, argv);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* Translators: %s is a program file that could not be started, then the reason. */
  fprintf (stderr, _("oc3: cannot start %s: %s\n"), helper, strerror (errno));
  return 1;
}
