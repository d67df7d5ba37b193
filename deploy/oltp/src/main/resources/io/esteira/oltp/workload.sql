-- Statements of io.esteira.oltp.ChangeWorkload, one per "-- name:" block. Standard SQL that
-- PostgreSQL and SQL Server both run. A "pick" takes the first matching row at or after a random
-- key, so that a seed always picks the same rows of the same data.

-- name: key-range-orders
SELECT MIN(order_id), MAX(order_id) FROM core.orders;
-- name: key-range-order-items
SELECT MIN(order_item_id), MAX(order_item_id) FROM core.order_items;
-- name: key-range-returns
SELECT MIN(return_id), MAX(return_id) FROM core.returns;
-- name: key-range-customers
SELECT MIN(customer_id), MAX(customer_id) FROM core.customers;
-- name: key-range-products
SELECT MIN(product_id), MAX(product_id) FROM core.products;
-- name: key-range-sellers
SELECT MIN(seller_id), MAX(seller_id) FROM core.sellers;
-- name: key-range-discounts
SELECT MIN(discount_id), MAX(discount_id) FROM core.discounts;

-- name: latest-order
SELECT MAX(order_date), MAX(order_number) FROM core.orders;

-- name: pick-customer
SELECT customer_id, customer_type, segment, region_id
FROM core.customers
WHERE customer_id >= ? AND deleted_at IS NULL
ORDER BY customer_id OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY;

-- name: pick-seller
SELECT seller_id, team_id
FROM core.sellers
WHERE seller_id >= ? AND deleted_at IS NULL AND is_active = ?
ORDER BY seller_id OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY;

-- name: pick-product
SELECT product_id, list_price, unit_cost, category_id
FROM core.products
WHERE product_id >= ? AND deleted_at IS NULL
ORDER BY product_id OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY;

-- Open orders are few and recent: seek them through ix_orders_status, one status at a time.
-- name: pick-order-in-status
SELECT order_id, status
FROM core.orders
WHERE order_id >= ? AND status = ? AND deleted_at IS NULL
ORDER BY order_id OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY;

-- name: pick-live-order
SELECT order_id
FROM core.orders
WHERE order_id >= ? AND deleted_at IS NULL
ORDER BY order_id OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY;

-- name: pick-any-order
SELECT order_id
FROM core.orders
WHERE order_id >= ?
ORDER BY order_id OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY;

-- name: pick-returnable-item
SELECT oi.order_item_id, oi.quantity, oi.unit_price, oi.unit_cost, oi.discount_amount
FROM core.order_items oi
INNER JOIN core.orders o ON o.order_id = oi.order_id
WHERE oi.order_item_id >= ?
  AND o.status = 'delivered' AND o.deleted_at IS NULL AND oi.deleted_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM core.returns r WHERE r.order_item_id = oi.order_item_id)
ORDER BY oi.order_item_id OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY;

-- name: pick-open-return
SELECT return_id, status
FROM core.returns
WHERE return_id >= ? AND deleted_at IS NULL AND status IN ('requested', 'approved')
ORDER BY return_id OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY;

-- name: pick-any-return
SELECT return_id
FROM core.returns
WHERE return_id >= ?
ORDER BY return_id OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY;

-- name: valid-discounts
SELECT discount_id, discount_type, value
FROM core.discounts
WHERE deleted_at IS NULL AND starts_at <= ? AND ends_at > ?
ORDER BY discount_id;

-- name: subcategories
SELECT category_id FROM core.categories WHERE parent_id IS NOT NULL AND deleted_at IS NULL ORDER BY category_id;

-- name: teams
SELECT team_id FROM core.teams WHERE deleted_at IS NULL ORDER BY team_id;

-- name: regions
SELECT region_id, state FROM core.regions WHERE deleted_at IS NULL ORDER BY region_id;

-- name: active-sellers
SELECT seller_id FROM core.sellers WHERE deleted_at IS NULL AND is_active = ? ORDER BY seller_id;

-- name: latest-target-month
SELECT MAX(year * 100 + month) FROM core.sales_targets;

-- name: insert-order
INSERT INTO core.orders (order_number, customer_id, seller_id, discount_id, status, order_date, channel)
VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: insert-order-item
INSERT INTO core.order_items (order_id, product_id, quantity, unit_price, unit_cost, discount_amount)
VALUES (?, ?, ?, ?, ?, ?);

-- name: insert-return
INSERT INTO core.returns (order_item_id, quantity, refund_amount, status) VALUES (?, ?, ?, ?);

-- name: insert-customer
INSERT INTO core.customers (name, email, customer_type, city, state, region_id, segment)
VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: insert-discount
INSERT INTO core.discounts (code, discount_type, value, campaign, starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?);

-- name: insert-sales-target
INSERT INTO core.sales_targets (seller_id, year, month, target_amount) VALUES (?, ?, ?, ?);

-- name: update-order-status
UPDATE core.orders SET status = ? WHERE order_id = ?;
-- name: update-customer-email
UPDATE core.customers SET email = ? WHERE customer_id = ?;
-- name: update-customer-segment
UPDATE core.customers SET segment = ? WHERE customer_id = ?;
-- name: update-customer-address
UPDATE core.customers SET city = ?, state = ?, region_id = ? WHERE customer_id = ?;
-- name: update-product-price
UPDATE core.products SET list_price = ?, unit_cost = ? WHERE product_id = ?;
-- name: update-product-category
UPDATE core.products SET category_id = ? WHERE product_id = ?;
-- name: update-seller-team
UPDATE core.sellers SET team_id = ? WHERE seller_id = ?;
-- name: update-return-status
UPDATE core.returns SET status = ?, refund_amount = ? WHERE return_id = ?;
-- name: return-refund
SELECT oi.quantity, oi.unit_price, oi.unit_cost, oi.discount_amount, r.quantity
FROM core.returns r INNER JOIN core.order_items oi ON oi.order_item_id = r.order_item_id
WHERE r.return_id = ?;

-- name: soft-delete-order
UPDATE core.orders SET deleted_at = ? WHERE order_id = ?;
-- name: soft-delete-customer
UPDATE core.customers SET deleted_at = ? WHERE customer_id = ?;
-- name: count-live-products
SELECT COUNT(*) FROM core.products WHERE deleted_at IS NULL;

-- name: soft-delete-product
UPDATE core.products SET deleted_at = ? WHERE product_id = ?;

-- Hard deletes go child first, so that no foreign key blocks them.
-- name: delete-return
DELETE FROM core.returns WHERE return_id = ?;
-- name: delete-order-returns
DELETE FROM core.returns
WHERE order_item_id IN (SELECT order_item_id FROM core.order_items WHERE order_id = ?);
-- name: delete-order-items
DELETE FROM core.order_items WHERE order_id = ?;
-- name: delete-order
DELETE FROM core.orders WHERE order_id = ?;
