/* oc3-toast.c — short feedback ("Link copied") in the window's toast overlay.
 *
 * Pages and views do not own an overlay: the window does. They show their
 * toasts in the nearest AdwToastOverlay above them, and show none while they
 * are not in one (a page being built, a test without a window).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "oc3-toast.h"

gboolean
oc3_toast_show (GtkWidget  *widget,
                const char *title)
{
  GtkWidget *overlay;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return FALSE;

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
  return TRUE;
}
