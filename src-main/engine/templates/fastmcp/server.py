"""__SERVER_TITLE__: an MCP server built with FastMCP.

Run it over stdio:   .venv/bin/python server.py
Run its tests:       .venv/bin/python -m pytest

Everything here follows one rule set: typed parameters constrained with Annotated[..., Field(...)]
and described for the model, ToolError for failures the caller should see, structured results as
pydantic models, async tools, configuration from the environment, and logs on stderr (stdout
carries the MCP protocol).
"""

import asyncio
import logging
import os
import sys
import time
from typing import Annotated, Literal

from fastmcp import Context, FastMCP
from fastmcp.exceptions import ToolError
from pydantic import BaseModel, Field


class Settings(BaseModel):
    """Configuration, read from the environment once at start."""

    greeting: str = "Hello"
    log_level: str = "INFO"
    max_search_results: int = 50

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            greeting=os.environ.get("GREETING", "Hello"),
            log_level=os.environ.get("LOG_LEVEL", "INFO").upper(),
            max_search_results=int(os.environ.get("MAX_SEARCH_RESULTS", "50")),
        )


settings = Settings.from_env()

# Logs go to stderr: over stdio, stdout is the protocol channel.
logging.basicConfig(stream=sys.stderr, level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
logger = logging.getLogger("__SERVER_SLUG__")

mcp = FastMCP("__SERVER_TITLE__")
STARTED_AT = time.monotonic()

Category = Literal["books", "tools", "games"]


class Item(BaseModel):
    id: str
    name: str
    category: Category
    price: float
    in_stock: bool


ITEMS = [
    Item(id="item-1", name="The Pragmatic Programmer", category="books", price=39.0, in_stock=True),
    Item(id="item-2", name="Claw hammer", category="tools", price=18.5, in_stock=True),
    Item(id="item-3", name="Chess set", category="games", price=25.0, in_stock=False),
    Item(id="item-4", name="Structure and Interpretation of Computer Programs", category="books", price=55.0, in_stock=False),
    Item(id="item-5", name="Screwdriver set", category="tools", price=22.0, in_stock=True),
]


class CalculationResult(BaseModel):
    operation: str
    a: float
    b: float
    result: float


class SearchResult(BaseModel):
    query: str
    total: int
    items: list[Item]


class TaskReport(BaseModel):
    steps: int
    elapsed_seconds: float


class HealthStatus(BaseModel):
    status: Literal["ok", "degraded"]
    uptime_seconds: float
    items: int


@mcp.tool(annotations={"readOnlyHint": True, "idempotentHint": True, "openWorldHint": False})
async def greet(
    name: Annotated[str, Field(description="The name of the person to greet", min_length=1, max_length=100)],
) -> str:
    """Greet someone by name."""
    return f"{settings.greeting}, {name}!"


@mcp.tool(annotations={"readOnlyHint": True, "idempotentHint": True, "openWorldHint": False})
async def calculate(
    operation: Annotated[Literal["add", "subtract", "multiply", "divide"], Field(description="What to do with a and b")],
    a: Annotated[float, Field(description="The first operand", ge=-1_000_000, le=1_000_000)],
    b: Annotated[float, Field(description="The second operand", ge=-1_000_000, le=1_000_000)],
) -> CalculationResult:
    """Do arithmetic on two numbers within ±1,000,000."""
    if operation == "divide" and b == 0:
        raise ToolError("Cannot divide by zero: pass a non-zero b")
    result = {"add": a + b, "subtract": a - b, "multiply": a * b, "divide": a / b if b else 0.0}[operation]
    return CalculationResult(operation=operation, a=a, b=b, result=result)


@mcp.tool(annotations={"readOnlyHint": True, "idempotentHint": True, "openWorldHint": False})
async def search_items(
    query: Annotated[str, Field(description="Words to look for in item names", min_length=1, max_length=200)],
    category: Annotated[Category | None, Field(description="Only items of this category")] = None,
    in_stock_only: Annotated[bool, Field(description="Leave out items that are sold out")] = False,
    max_results: Annotated[int, Field(description="At most this many items", ge=1, le=50)] = 10,
) -> SearchResult:
    """Search the item catalog by name, with optional filters."""
    words = query.lower().split()
    found = [
        item
        for item in ITEMS
        if all(w in item.name.lower() for w in words)
        and (category is None or item.category == category)
        and (not in_stock_only or item.in_stock)
    ]
    limit = min(max_results, settings.max_search_results)
    return SearchResult(query=query, total=len(found), items=found[:limit])


@mcp.tool(annotations={"readOnlyHint": True, "idempotentHint": True, "openWorldHint": False})
async def get_item(
    item_id: Annotated[str, Field(description="An item id such as item-1", pattern=r"^item-\d+$")],
) -> Item:
    """Look up one item by id. An unknown id is a tool error the caller can act on."""
    for item in ITEMS:
        if item.id == item_id:
            return item
    known = ", ".join(i.id for i in ITEMS)
    raise ToolError(f"No item with id {item_id}. Known ids: {known}")


@mcp.tool(annotations={"readOnlyHint": True, "openWorldHint": False})
async def slow_task(
    ctx: Context,
    steps: Annotated[int, Field(description="How many steps to run", ge=1, le=20)] = 5,
    delay_seconds: Annotated[float, Field(description="Pause after each step", ge=0, le=2)] = 0.2,
) -> TaskReport:
    """Run a slow job step by step, reporting progress after each step."""
    started = time.monotonic()
    for step in range(1, steps + 1):
        await asyncio.sleep(delay_seconds)
        await ctx.report_progress(progress=step, total=steps)
        logger.info("slow_task: step %d of %d done", step, steps)
    return TaskReport(steps=steps, elapsed_seconds=round(time.monotonic() - started, 3))


@mcp.tool(annotations={"readOnlyHint": True, "idempotentHint": True, "openWorldHint": False})
async def health_check() -> HealthStatus:
    """Report whether the server is healthy, and for how long it has been up."""
    return HealthStatus(status="ok", uptime_seconds=round(time.monotonic() - STARTED_AT, 3), items=len(ITEMS))


@mcp.resource("items://{item_id}", mime_type="application/json")
async def item_resource(item_id: str) -> str:
    """One catalog item as JSON."""
    for item in ITEMS:
        if item.id == item_id:
            return item.model_dump_json()
    raise ValueError(f"No item with id {item_id}")


@mcp.prompt
def describe_item(
    item_id: Annotated[str, Field(description="The id of the catalog item to describe, such as item-1")],
) -> str:
    """Ask the model to write a short product description for an item."""
    return f"Write a two-sentence product description for the catalog item {item_id}. Read it from items://{item_id} first."


if __name__ == "__main__":
    logger.info("starting __SERVER_TITLE__")
    mcp.run()
