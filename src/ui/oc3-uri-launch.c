/* oc3-uri-launch.c — opens the links in a program (talk pages, speaker
 * biographies, attachments) in the user's browser or the matching app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "oc3-toast.h"
#include "oc3-uri-launch.h"

static void
launch_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GtkWidget) widget = user_data;
  g_autoptr (GError) error = NULL;

  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (source), result, &error))
    return;

  /* Dismissing the app chooser is the user's choice, not a failure to report. */
  if (g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    return;

  g_debug ("Could not open %s: %s",
           gtk_uri_launcher_get_uri (GTK_URI_LAUNCHER (source)), error->message);
  oc3_toast_show (widget, _("Could not open the link"));
}

/* Opens @uri on behalf of @widget: the portal (or the desktop) puts the
 * browser in front of @widget's window. */
void
oc3_uri_launch (GtkWidget  *widget,
                const char *uri)
{
  g_autoptr (GtkUriLauncher) launcher = NULL;
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (uri == NULL || *uri == '\0')
    return;

  root = gtk_widget_get_root (widget);
  launcher = gtk_uri_launcher_new (uri);
  gtk_uri_launcher_launch (launcher, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                           launch_cb, g_object_ref (widget));
}

/* For GtkLabel::activate-link on labels with program text: GTK would open
 * the link with gtk_show_uri(), which does not report failures; this goes
 * through GtkUriLauncher like every other link in OC3. */
gboolean
oc3_uri_launch_activate_link_cb (GtkLabel   *label,
                                 const char *uri,
                                 gpointer    user_data)
{
  oc3_uri_launch (GTK_WIDGET (label), uri);
  return GDK_EVENT_STOP;
}
