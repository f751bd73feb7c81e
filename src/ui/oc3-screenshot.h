/* oc3-screenshot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     oc3_screenshot_save_async  (GtkWidget           *widget,
                                     const char          *path,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean oc3_screenshot_save_finish (GAsyncResult        *result,
                                     GError             **error);
gboolean oc3_screenshot_save_now    (GtkWidget           *widget,
                                     const char          *path,
                                     GError             **error);

G_END_DECLS
