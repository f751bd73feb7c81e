/* oc3-background.c — running on for reminders after the window is closed.
 *
 * Inside the Flatpak sandbox the Background portal decides whether the app
 * may run without a window, and sets up starting at login; outside it, an
 * autostart desktop entry does the latter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "oc3-background.h"

gboolean
oc3_background_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

static void
request_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GVariant) reply = NULL;
  g_autoptr (GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    g_message ("The Background portal did not answer: %s", error->message);
}

/* Asks the portal to let OC3 run in the background (and, if @autostart, to
 * start it at login) so that reminders arrive with the window closed. */
void
oc3_background_request (gboolean autostart)
{
  g_autoptr (GDBusConnection) bus = NULL;
  g_autoptr (GError) error = NULL;
  GVariantBuilder options;
  const char *commandline[] = { "oc3", "--gapplication-service", NULL };

  if (!oc3_background_is_sandboxed ())
    return;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  if (bus == NULL)
    {
      g_message ("No session bus for the Background portal: %s", error->message);
      return;
    }

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Deliver reminders for your starred talks")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (TRUE));

  g_dbus_connection_call (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.Background", "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, -1, NULL, request_done_cb, NULL);
}

/* Outside the sandbox: an autostart entry that starts OC3 as a background
 * service at login (it opens no window until asked to). */
gboolean
oc3_background_set_autostart_file (gboolean   autostart,
                                   GError   **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "autostart", NULL);
  g_autofree char *path = g_build_filename (dir, APPLICATION_ID ".desktop", NULL);
  g_autofree char *contents = NULL;

  if (!autostart)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       _("Could not remove %s: %s"), path, g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not create %s: %s"), dir, g_strerror (errno));
      return FALSE;
    }

  contents = g_strdup_printf ("[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=OC3\n"
                              "Exec=oc3 --gapplication-service\n"
                              "X-GNOME-Autostart-enabled=true\n"
                              "NoDisplay=true\n");
  return g_file_set_contents (path, contents, -1, error);
}
