/* oc3-starred-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "oc3-agenda.h"

G_BEGIN_DECLS

#define OC3_TYPE_STARRED_VIEW (oc3_starred_view_get_type ())

G_DECLARE_FINAL_TYPE (Oc3StarredView, oc3_starred_view, OC3, STARRED_VIEW, GtkWidget)

void oc3_starred_view_set_agenda (Oc3StarredView *self,
                                  Oc3Agenda      *agenda,
                                  GTimeZone      *zone);
void oc3_starred_view_set_zone   (Oc3StarredView *self,
                                  GTimeZone      *zone);

G_END_DECLS
