/* oc3-list-update.c — replacing a list's items with as few changes as possible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "oc3-list-update.h"

static gboolean
same_item_at (GListModel *a,
              guint       position_a,
              GListModel *b,
              guint       position_b)
{
  g_autoptr (GObject) item_a = g_list_model_get_item (a, position_a);
  g_autoptr (GObject) item_b = g_list_model_get_item (b, position_b);

  return item_a == item_b;
}

/**
 * oc3_list_update:
 * @store: the list a view shows
 * @items: what it should hold now
 *
 * Makes @store hold the items of @items, in their order, with one splice of
 * only the part between the items both share at the start and at the end.
 * Typing a search or a minute passing changes a few rows; the views then
 * keep the other rows, with their focus and scroll position, rather than
 * building all rows anew.
 */
void
oc3_list_update (GListStore *store,
                 GListModel *items)
{
  GListModel *old = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (old);
  guint n_new = g_list_model_get_n_items (items);
  guint prefix = 0;
  guint suffix = 0;
  g_autoptr (GPtrArray) added = NULL;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (G_IS_LIST_MODEL (items));

  while (prefix < n_old && prefix < n_new && same_item_at (old, prefix, items, prefix))
    prefix++;

  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         same_item_at (old, n_old - 1 - suffix, items, n_new - 1 - suffix))
    suffix++;

  if (prefix + suffix == n_old && prefix + suffix == n_new)
    return;

  added = g_ptr_array_new_full (n_new - prefix - suffix, g_object_unref);
  for (guint i = prefix; i < n_new - suffix; i++)
    g_ptr_array_add (added, g_list_model_get_item (items, i));

  g_list_store_splice (store, prefix, n_old - prefix - suffix, added->pdata, added->len);
}
