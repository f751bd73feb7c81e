/* oc3-color-swatch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OC3_TYPE_COLOR_SWATCH (oc3_color_swatch_get_type ())

G_DECLARE_FINAL_TYPE (Oc3ColorSwatch, oc3_color_swatch, OC3, COLOR_SWATCH, GtkWidget)

GtkWidget  *oc3_color_swatch_new       (const char     *color);
void        oc3_color_swatch_set_color (Oc3ColorSwatch *self,
                                        const char     *color);
const char *oc3_color_swatch_get_color (Oc3ColorSwatch *self);

G_END_DECLS
