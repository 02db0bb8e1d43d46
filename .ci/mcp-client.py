#!/usr/bin/env python3
"""`verdict mcp` answers a real MCP client session over stdio (issue #16): the `mcp` package
from PyPI (installed into .venv by .ci/run) starts the built binary (.build/debug/verdict, or
VERDICT_BIN) on a throwaway SQLite file holding the demo catalog, lists the tools and calls each
one, checking answers, links and provenance, and that bad input is an error result, not a crash.
"""

import asyncio
import json
import os
import secrets
import shutil
import subprocess
import tempfile

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

ORIGIN = "https://verdict.example"


async def session(binary, env):
    params = StdioServerParameters(command=binary, args=["mcp"], env=env)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as s:
            info = await s.initialize()
            server = getattr(info, "server_info", None) or getattr(info, "serverInfo")
            assert server.name == "verdict", server
            names = sorted(t.name for t in (await s.list_tools()).tools)
            assert names == ["compare_tools", "cost_for_workload", "get_verdict", "search_tools"], names

            async def call(name, args):
                result = await s.call_tool(name, args)
                text = result.content[0].text
                is_error = getattr(result, "is_error", None)
                if is_error is None:
                    is_error = getattr(result, "isError", False)
                return bool(is_error), (text if is_error else json.loads(text))

            err, found = await call("search_tools", {"query": "gemini 2.5 flash"})
            assert not err and found["results"][0]["slug"] == "gemini-2-5-flash", found
            assert found["results"][0]["url"] == ORIGIN + "/tools/gemini-2-5-flash"
            err, filtered = await call("search_tools", {"category": "video-generation", "entry": "paid", "limit": 25})
            assert not err and filtered["results"] and all(r["category"] == "Video Generation" and r["entry"] == "paid"
                                                           for r in filtered["results"]), filtered

            err, verdict = await call("get_verdict", {"slug": "gemini-2-5-flash"})
            assert not err and len(verdict["takes"]) == 4, verdict
            assert all(t["persona"] and t["verdict"] in ("ship", "skip") and t["source"] and t["written_at"]
                       for t in verdict["takes"]), verdict["takes"]
            assert verdict["claims"] and verdict["provenance"]

            err, comparison = await call("compare_tools", {"a": "gemini-2-5-flash", "b": "smollm3"})
            assert not err and comparison["pick"] in ("gemini-2-5-flash", "smollm3") and comparison["reason"], comparison
            assert comparison["url"] == ORIGIN + "/compare/gemini-2-5-flash-vs-smollm3"
            err, jobs = await call("compare_tools", {"a": "assemblyai", "b": "brave-search-api"})
            assert not err and jobs["pick"] is None and jobs["different_jobs"], jobs

            err, cost = await call("cost_for_workload", {"tools": "gemini-2-5-flash", "input_tokens": 1000000, "output_tokens": 200000})
            assert not err and cost["tools"][0]["monthly_cost"] == "0.8", cost

            for name, args, needle in [("get_verdict", {"slug": "nope-tool"}, "no tool called"),
                                       ("get_verdict", {}, "'slug' is required"),
                                       ("cost_for_workload", {"tools": "gemini-2-5-flash"}, "Name a workload"),
                                       ("search_tools", {"verdict": "maybe"}, "'verdict' must be"),
                                       ("nope", {}, "unknown tool")]:
                err, text = await call(name, args)
                assert err and needle in text, (name, args, text)
            return len(names)


def main():
    binary = os.path.abspath(os.environ.get("VERDICT_BIN", ".build/debug/verdict"))
    catalog = os.path.abspath("Sources/VerdictServer/Resources/demo-catalog.yaml")
    work = tempfile.mkdtemp(prefix="verdict-mcp-")
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("VERDICT_LLM") and k != "VERDICT_SMTP_URL"}
        env.update(DATABASE_URL=f"sqlite:{work}/mcp.sqlite", VERDICT_SECRET=secrets.token_hex(32), VERDICT_PUBLIC_URL=ORIGIN,
                   VERDICT_SECURE_COOKIES="false", LOG_LEVEL="warning")
        subprocess.run([binary, "import", catalog], env=env, cwd=work, check=True, stdout=subprocess.DEVNULL)
        n = asyncio.run(asyncio.wait_for(session(binary, env), timeout=120))
        print(f"mcp: a real client session over stdio listed {n} tools and called each; errors came back as error results")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
