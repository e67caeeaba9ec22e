/* report */ SELECT 1 -- DELETE FROM x
