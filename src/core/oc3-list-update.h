/* oc3-list-update.h — replacing a list's items with as few changes as possible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void oc3_list_update (GListStore *store,
                      GListModel *items);

G_END_DECLS
