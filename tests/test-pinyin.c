/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pinyin"

#include <glib.h>

#include "lx-pinyin.h"

static void
assert_keys (const char *name,
             const char *full,
             const char *initials)
{
  g_autofree char *out_full = NULL;
  g_autofree char *out_initials = NULL;

  lx_pinyin_keys (name, &out_full, &out_initials);
  g_assert_cmpstr (out_full, ==, full);
  g_assert_cmpstr (out_initials, ==, initials);
}

static void
test_basic (void)
{
  assert_keys ("张三", "zhangsan", "zs");
  assert_keys ("王小明", "wangxiaoming", "wxm");
  assert_keys ("吕女", "lunu", "ln");
}

static void
test_surname_single (void)
{
  assert_keys ("单雄信", "shanxiongxin", "sxx");
  assert_keys ("曾国藩", "zengguofan", "zgf");
  assert_keys ("解放", "xiefang", "xf");
  assert_keys ("区小红", "ouxiaohong", "oxh");
  assert_keys ("朴", "piao", "p");
  assert_keys ("翟", "zhai", "z");
  assert_keys ("长", "chang", "c");
}

static void
test_surname_compound (void)
{
  assert_keys ("欧阳修", "ouyangxiu", "oyx");
  assert_keys ("司马光", "simaguang", "smg");
  assert_keys ("诸葛亮", "zhugeliang", "zgl");
  assert_keys ("尉迟恭", "yuchigong", "ycg");
  assert_keys ("长孙无忌", "zhangsunwuji", "zswj");
  assert_keys ("澹台明", "tantaiming", "ttm");
}

/* The surname reading is for the start of the name only. */
static void
test_surname_only_first (void)
{
  assert_keys ("王单", "wangdan", "wd");
  assert_keys ("李曾", "liceng", "lc");
  assert_keys ("Amy单", "amydan", "ad");
  assert_keys ("  单雄信", "shanxiongxin", "sxx");
  assert_keys ("\xe3\x80\x80" "曾国藩", "zengguofan", "zgf");
}

static void
test_latin_and_digits (void)
{
  assert_keys ("李Amy", "liamy", "la");
  assert_keys ("Mary Ann", "maryann", "ma");
  assert_keys ("王小明2", "wangxiaoming2", "wxm2");
  assert_keys ("张三123", "zhangsan123", "zs123");
  assert_keys ("ABC", "abc", "a");
  assert_keys ("Ａｍｙ", "amy", "a");
  assert_keys ("２号楼", "2haolou", "2hl");
  assert_keys ("José", "jose", "j");
}

static void
test_punctuation (void)
{
  assert_keys ("张·三", "zhangsan", "zs");
  assert_keys (" 张 三 ", "zhangsan", "zs");
  assert_keys ("买买提·艾力", "maimaitiaili", "mmtal");
  assert_keys ("张三（东区）", "zhangsandongqu", "zsdq");
  assert_keys ("!?-", "", "");
}

static void
test_empty (void)
{
  assert_keys ("", "", "");
  assert_keys (NULL, "", "");
}

static void
test_invalid_utf8 (void)
{
  assert_keys ("张\xff三", "zhangsan", "zs");
  assert_keys ("\xc3", "", "");
}

static void
test_null_outputs (void)
{
  g_autofree char *full = NULL;
  g_autofree char *initials = NULL;

  lx_pinyin_keys ("张三", &full, NULL);
  g_assert_cmpstr (full, ==, "zhangsan");
  lx_pinyin_keys ("张三", NULL, &initials);
  g_assert_cmpstr (initials, ==, "zs");
  lx_pinyin_keys ("张三", NULL, NULL);
}

static gpointer
keys_in_thread (gpointer data)
{
  for (int i = 0; i < 200; i++)
    {
      assert_keys ("张三", "zhangsan", "zs");
      assert_keys ("单雄信", "shanxiongxin", "sxx");
      assert_keys ("欧阳修", "ouyangxiu", "oyx");
    }
  return NULL;
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (gsize i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("pinyin", keys_in_thread, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pinyin/basic", test_basic);
  g_test_add_func ("/pinyin/surname/single", test_surname_single);
  g_test_add_func ("/pinyin/surname/compound", test_surname_compound);
  g_test_add_func ("/pinyin/surname/only-first", test_surname_only_first);
  g_test_add_func ("/pinyin/latin-and-digits", test_latin_and_digits);
  g_test_add_func ("/pinyin/punctuation", test_punctuation);
  g_test_add_func ("/pinyin/empty", test_empty);
  g_test_add_func ("/pinyin/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/pinyin/null-outputs", test_null_outputs);
  g_test_add_func ("/pinyin/threads", test_threads);

  return g_test_run ();
}
