"""Tests through FastMCP's in-memory Client: the real protocol, no process, no network."""

import pytest
from fastmcp import Client
from fastmcp.exceptions import ToolError

from server import mcp

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend():
    return "asyncio"


@pytest.fixture
async def client():
    async with Client(mcp) as c:
        yield c


async def test_lists_every_tool(client):
    names = {t.name for t in await client.list_tools()}
    assert names == {"greet", "calculate", "search_items", "get_item", "slow_task", "health_check"}


async def test_greet(client):
    result = await client.call_tool("greet", {"name": "Ada"})
    assert result.data == "Hello, Ada!"


async def test_greet_rejects_an_empty_name(client):
    with pytest.raises(ToolError):
        await client.call_tool("greet", {"name": ""})


async def test_calculate_returns_structured_output(client):
    result = await client.call_tool("calculate", {"operation": "multiply", "a": 6, "b": 7})
    assert result.structured_content == {"operation": "multiply", "a": 6.0, "b": 7.0, "result": 42.0}


async def test_calculate_validates_ranges(client):
    with pytest.raises(ToolError):
        await client.call_tool("calculate", {"operation": "add", "a": 2_000_000, "b": 1})


async def test_divide_by_zero_is_a_tool_error(client):
    with pytest.raises(ToolError, match="divide by zero"):
        await client.call_tool("calculate", {"operation": "divide", "a": 1, "b": 0})


async def test_search_with_filters(client):
    result = await client.call_tool("search_items", {"query": "set", "category": "tools", "in_stock_only": True})
    assert [i["id"] for i in result.structured_content["items"]] == ["item-5"]


async def test_search_rejects_an_unknown_category(client):
    with pytest.raises(ToolError):
        await client.call_tool("search_items", {"query": "set", "category": "food"})


async def test_get_item_unknown_id_is_a_tool_error(client):
    with pytest.raises(ToolError, match="No item with id item-99"):
        await client.call_tool("get_item", {"item_id": "item-99"})


async def test_slow_task_reports_progress(client):
    seen = []

    async def on_progress(progress, total, message):
        seen.append((progress, total))

    result = await client.call_tool("slow_task", {"steps": 3, "delay_seconds": 0}, progress_handler=on_progress)
    assert result.structured_content["steps"] == 3
    assert seen == [(1, 3), (2, 3), (3, 3)]


async def test_health_check(client):
    result = await client.call_tool("health_check", {})
    assert result.structured_content["status"] == "ok"


async def test_resource_template(client):
    templates = await client.list_resource_templates()
    assert [t.uriTemplate for t in templates] == ["items://{item_id}"]
    contents = await client.read_resource("items://item-2")
    assert '"Claw hammer"' in contents[0].text


async def test_prompt(client):
    prompt = await client.get_prompt("describe_item", {"item_id": "item-1"})
    assert "item-1" in prompt.messages[0].content.text
