/* oc3-background.h — running on for reminders after the window is closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean oc3_background_is_sandboxed (void);
void     oc3_background_request      (gboolean     autostart);
gboolean oc3_background_set_autostart_file (gboolean   autostart,
                                            GError   **error);

G_END_DECLS
