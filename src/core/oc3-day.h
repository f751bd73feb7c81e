/* oc3-day.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OC3_TYPE_DAY (oc3_day_get_type ())

G_DECLARE_FINAL_TYPE (Oc3Day, oc3_day, OC3, DAY, GObject)

int         oc3_day_get_index (Oc3Day *self);
GDateTime  *oc3_day_get_date  (Oc3Day *self);
GDateTime  *oc3_day_get_start (Oc3Day *self);
GDateTime  *oc3_day_get_end   (Oc3Day *self);
GListModel *oc3_day_get_talks (Oc3Day *self);

G_END_DECLS
