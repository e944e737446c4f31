"""The accounts table's rows: built again only when what they show changed."""

from __future__ import annotations

from types import MappingProxyType

from smpp_tui.api.models import Account
from smpp_tui.store.resources import ACCOUNTS, ips_key, service_key, settings_key
from smpp_tui.store.snapshot import Entry, Snapshot
from smpp_tui.tui.widgets.account_rows import AccountRows, View, accounts_changed


def account(name: str, smpp: bool = True) -> Account:
    return Account(name, "", smpp, "enable", 100.0, 0.0, 0, None, 0.0, None, None, None)


ACCOUNT_LIST = tuple(account(f"smpp-dc12345-{n}") for n in range(1, 4))


def snapshot(**details: Entry) -> Snapshot:
    entries = {ACCOUNTS: Entry(ACCOUNT_LIST, 1.0)}
    entries |= {settings_key(name.replace("_", "-")): entry for name, entry in details.items()}
    return Snapshot(MappingProxyType(entries))


def test_an_answer_about_one_account_rebuilds_its_row_only():
    rows = AccountRows()
    before = rows.rows(snapshot(), View())
    polled_again = rows.rows(snapshot(), View())  # nothing new: the very same rows
    assert all(a is b for a, b in zip(before, polled_again, strict=True))
    failed = Entry(None, None, RuntimeError("HTTP 500"), version=2)
    after = rows.rows(snapshot(smpp_dc12345_2=failed), View())
    assert [a is b for a, b in zip(before, after, strict=True)] == [True, False, True]
    assert "not known" in after[1].cells[4].plain


def test_filtering_reuses_the_rows_built():
    rows = AccountRows()
    every = {row.key: row for row in rows.rows(snapshot(), View())}
    (filtered,) = rows.rows(snapshot(), View(query="-2"))
    assert filtered is every["smpp-dc12345-2"]


def test_which_rows_a_change_redraws():
    assert accounts_changed(frozenset({settings_key("a"), ips_key("b")})) == {"a", "b"}
    assert accounts_changed(frozenset({service_key("a")})) == set()  # not in the table
    assert accounts_changed(frozenset({ACCOUNTS, settings_key("a")})) is None  # every row
