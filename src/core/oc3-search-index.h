/* oc3-search-index.h — finding talks and speakers by what people remember of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "oc3-conference.h"

G_BEGIN_DECLS

#define OC3_TYPE_SEARCH_INDEX (oc3_search_index_get_type ())

G_DECLARE_FINAL_TYPE (Oc3SearchIndex, oc3_search_index, OC3, SEARCH_INDEX, GObject)

Oc3SearchIndex *oc3_search_index_new            (Oc3Conference        *conference);
void            oc3_search_index_new_async      (Oc3Conference        *conference,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
Oc3SearchIndex *oc3_search_index_new_finish     (GAsyncResult         *result,
                                                 GError              **error);

Oc3Conference  *oc3_search_index_get_conference (Oc3SearchIndex       *self);
GListModel     *oc3_search_index_query          (Oc3SearchIndex       *self,
                                                 const char           *query,
                                                 guint                 max_results);
GListModel     *oc3_search_index_query_persons  (Oc3SearchIndex       *self,
                                                 const char           *query,
                                                 guint                 max_results);

char           *oc3_search_normalize            (const char           *text);
char          **oc3_search_split_query          (const char           *query);

G_END_DECLS
