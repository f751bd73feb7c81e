/* oc3-star-gesture.h — star a talk with a secondary click or a long press.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef const char *(*Oc3TalkGuidFunc) (GtkWidget *widget);

void oc3_star_gesture_add (GtkWidget       *widget,
                           Oc3TalkGuidFunc  guid_func);

G_END_DECLS
