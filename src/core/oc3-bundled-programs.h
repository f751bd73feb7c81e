/* oc3-bundled-programs.h — the OC3 editions that ship inside the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

guint       oc3_bundled_programs_get_n_items  (void);
const char *oc3_bundled_programs_get_id       (guint       position);
const char *oc3_bundled_programs_get_name     (guint       position);
int         oc3_bundled_programs_find         (const char *id);
GBytes     *oc3_bundled_programs_load         (guint       position,
                                               GError    **error);

G_END_DECLS
