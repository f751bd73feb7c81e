/* oc3-search-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "oc3-conference.h"
#include "oc3-search-index.h"

G_BEGIN_DECLS

#define OC3_TYPE_SEARCH_VIEW (oc3_search_view_get_type ())

G_DECLARE_FINAL_TYPE (Oc3SearchView, oc3_search_view, OC3, SEARCH_VIEW, GtkWidget)

GtkWidget      *oc3_search_view_new              (void);
void            oc3_search_view_set_conference   (Oc3SearchView  *self,
                                                  Oc3Conference  *conference,
                                                  Oc3SearchIndex *index,
                                                  GTimeZone      *zone);
void            oc3_search_view_set_zone         (Oc3SearchView  *self,
                                                  GTimeZone      *zone);
GtkSearchEntry *oc3_search_view_get_search_entry (Oc3SearchView  *self);
GListModel     *oc3_search_view_get_results      (Oc3SearchView  *self);
void            oc3_search_view_search           (Oc3SearchView  *self,
                                                  const char     *query);

G_END_DECLS
