/* markup-check.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean oc3_check_label_markup (const char  *markup,
                                 GError     **error);

G_END_DECLS
