"""CLI: ``python -m ambassadeurs_pipeline.demo --n-comments 20000 --seed 42 --out data/01_raw``."""

from __future__ import annotations

import argparse
import logging

from .generator import generate_demo, write_demo


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m ambassadeurs_pipeline.demo",
        description="Generate the seeded French demo corpus and its ground truth.",
    )
    parser.add_argument(
        "--n-comments", type=int, default=20000, help="number of comments (default 20000)"
    )
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument(
        "--out", default="data/01_raw", help="output directory (default data/01_raw)"
    )
    parser.add_argument("--quiet", action="store_true", help="only log warnings")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    out = write_demo(generate_demo(args.n_comments, args.seed), args.out)
    print(out)


if __name__ == "__main__":
    main()
