/* oc3-array-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define OC3_TYPE_ARRAY_MODEL (oc3_array_model_get_type ())

G_DECLARE_FINAL_TYPE (Oc3ArrayModel, oc3_array_model, OC3, ARRAY_MODEL, GObject)

Oc3ArrayModel *oc3_array_model_new   (GType          item_type,
                                      GPtrArray     *items);
gpointer       oc3_array_model_peek  (Oc3ArrayModel *self,
                                      guint          position);
void           oc3_array_model_clear (Oc3ArrayModel *self);

G_END_DECLS
