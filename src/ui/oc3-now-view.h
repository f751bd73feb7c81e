/* oc3-now-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "oc3-conference.h"

G_BEGIN_DECLS

/**
 * Oc3NowFunc:
 * @user_data: the data given with the function
 *
 * Returns: (transfer full): the current time
 */
typedef GDateTime *(*Oc3NowFunc) (gpointer user_data);

#define OC3_TYPE_NOW_VIEW (oc3_now_view_get_type ())

G_DECLARE_FINAL_TYPE (Oc3NowView, oc3_now_view, OC3, NOW_VIEW, GtkWidget)

GtkWidget  *oc3_now_view_new            (void);
void        oc3_now_view_set_conference (Oc3NowView     *self,
                                         Oc3Conference  *conference,
                                         GTimeZone      *zone);
void        oc3_now_view_set_zone       (Oc3NowView     *self,
                                         GTimeZone      *zone);
void        oc3_now_view_set_now_func   (Oc3NowView     *self,
                                         Oc3NowFunc      now_func,
                                         gpointer        user_data,
                                         GDestroyNotify  destroy);
void        oc3_now_view_refresh        (Oc3NowView     *self);
GListModel *oc3_now_view_get_running    (Oc3NowView     *self);
GListModel *oc3_now_view_get_upcoming   (Oc3NowView     *self);

G_END_DECLS
