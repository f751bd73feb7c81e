/* oc3-uri-launch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     oc3_uri_launch                  (GtkWidget  *widget,
                                          const char *uri);
gboolean oc3_uri_launch_activate_link_cb (GtkLabel   *label,
                                          const char *uri,
                                          gpointer    user_data);

G_END_DECLS
