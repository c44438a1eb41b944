/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Pinyin search keys for a Chinese name through ICU's Han-Latin
 * transliterator: 张三 → full "zhangsan", initials "zs". The surname (the
 * first character, or a known two-character compound surname such as 欧阳)
 * is read with its surname pronunciation (单 shan, 曾 zeng, 解 xie, 区 ou,
 * 仇 qiu …). Latin letters and digits pass through lower-cased; other
 * characters are dropped. Thread-safe. */
void lx_pinyin_keys (const char  *name,
                     char       **out_full,
                     char       **out_initials);

/* Loads ICU's transliterator in a thread of its own, once per process. */
void lx_pinyin_warm_up (void);

G_END_DECLS
